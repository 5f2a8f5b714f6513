import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coordinator, fakeApi, host, renderApp } from './test/render';

/** the browser's media queries answer as on a phone 390 px wide (jsdom has no layout) */
function phone(isPhone: boolean) {
  window.matchMedia = (query: string) =>
    ({ matches: isPhone && /max-width/.test(query), media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}

describe('the header', () => {
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  describe('on a phone', () => {
    beforeEach(() => phone(true));

    it('folds the links into a menu behind a burger; the language switch stays in the header', async () => {
      const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [], total: 0 } } });
      renderApp({ path: '/offers', fetchImpl, session: { ...host, roles: ['host', 'admin'] } });
      await screen.findByText('No offers.');
      const burger = screen.getByRole('button', { name: 'Menu' });
      expect(burger).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('link', { name: 'My household' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
      expect(within(screen.getByRole('banner')).getByRole('combobox', { name: 'Language' })).toBeInTheDocument();

      await userEvent.click(burger);
      expect(burger).toHaveAttribute('aria-expanded', 'true');
      const menu = screen.getByRole('navigation', { name: 'Main navigation' });
      expect(within(menu).getAllByRole('link').map((a) => a.textContent)).toEqual(['Delegations', 'My household', 'My offers', 'Youth programme', 'Admin']);
      expect(within(menu).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

      await userEvent.click(within(menu).getByRole('link', { name: 'My household' }));
      expect(burger).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('link', { name: 'My offers' })).not.toBeInTheDocument();
    });

    it('Escape closes the menu and gives the focus back to the burger', async () => {
      const { fetchImpl } = fakeApi({ 'GET /api/delegations': { body: { items: [], total: 0 } } });
      renderApp({ path: '/', fetchImpl, session: coordinator });
      const burger = await screen.findByRole('button', { name: 'Menu' });
      await userEvent.click(burger);
      await userEvent.tab();
      expect(screen.getByRole('link', { name: 'Delegations' })).toHaveFocus();
      await userEvent.keyboard('{Escape}');
      expect(burger).toHaveFocus();
      expect(burger).toHaveAttribute('aria-expanded', 'false');
    });

    it('the burger is named in the reader’s language; signed out there is no menu', async () => {
      const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [], total: 0 } } });
      renderApp({ path: '/offers', fetchImpl, session: host, language: 'es' });
      expect(await screen.findByRole('button', { name: 'Menú' })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Menú' }));
      await userEvent.click(screen.getByRole('button', { name: 'Cerrar sesión' }));
      expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Menú' })).not.toBeInTheDocument();
    });
  });

  it('on a wide screen: the links and sign-out in the header, no burger', async () => {
    phone(false);
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [], total: 0 } } });
    renderApp({ path: '/offers', fetchImpl, session: host });
    await screen.findByText('No offers.');
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(within(header).getByRole('link', { name: 'My offers' })).toHaveAttribute('href', '/offers');
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Menu' })).not.toBeInTheDocument();
  });
});
