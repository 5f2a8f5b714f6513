import { carriesSealedLink, htmlWithLink, SEALED_LINK_PLACEHOLDER, textWithLink } from './sealed-link';

describe('sealed links in stored messages', () => {
  const link = 'https://twinning.example/accept-invitation?token=a-b_c&x="y"';

  it('puts the opened link in place of every placeholder, escaped in html', () => {
    expect(textWithLink(`Accept: ${SEALED_LINK_PLACEHOLDER}\n${SEALED_LINK_PLACEHOLDER}`, link)).toBe(`Accept: ${link}\n${link}`);
    expect(htmlWithLink(`<a href="${SEALED_LINK_PLACEHOLDER}">${SEALED_LINK_PLACEHOLDER}</a>`, link)).toBe(
      '<a href="https://twinning.example/accept-invitation?token&#x3D;a-b_c&amp;x&#x3D;&quot;y&quot;">https://twinning.example/accept-invitation?token&#x3D;a-b_c&amp;x&#x3D;&quot;y&quot;</a>',
    );
  });

  it('tells whether a part carries the placeholder', () => {
    expect(carriesSealedLink(`go to ${SEALED_LINK_PLACEHOLDER}`)).toBe(true);
    expect(carriesSealedLink('no link here')).toBe(false);
  });
});
