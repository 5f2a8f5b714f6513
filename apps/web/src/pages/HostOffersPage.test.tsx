import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, fakeApi, host, renderApp } from '../test/render';

const inThreeDays = new Date(Date.now() + (3 * 24 * 60 + 5) * 60_000).toISOString();
const offer = {
  id: 'offer-1', delegationId: 'd-1', delegation: { title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', from: '2027-08-01', to: '2027-08-10' },
  familyName: 'Chen', status: 'offered', deadlineAt: inThreeDays, origin: 'matching',
  guest: { givenName: 'Emily', familyName: 'Carter', gender: 'female', languages: ['en', 'zh'], nationality: 'US', minor: true, ageOnArrival: 16, diet: ['vegetarian'], allergies: ['peanut', 'shellfish'], allergyNote: 'carries an EpiPen' },
};

describe('host offers', () => {
  it('shows what a host must know about the guest and the time left', async () => {
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [offer], total: 1 } } });
    renderApp({ path: '/offers', fetchImpl, session: host });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    for (const text of ['Age on arrival: 16', 'Minor', 'en, zh', 'Vegetarian', 'Peanuts, Shellfish · carries an EpiPen', 'Tacoma youth ambassadors']) expect(within(card).getByText(text, { exact: false })).toBeInTheDocument();
    expect(within(card).getByTestId('time-left')).toHaveTextContent(/^3 d 0 h \d+ min left/);
  });

  it('leaves out diet and allergies the API withheld from the reader, rather than calling them none', async () => {
    const { diet: _diet, allergies: _allergies, ...guest } = offer.guest;
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [{ ...offer, guest }], total: 1 } } });
    renderApp({ path: '/offers', fetchImpl, session: coordinator });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    expect(within(card).getByText('en, zh', { exact: false })).toBeInTheDocument();
    expect(within(card).queryByText(/Allergies|Diet/)).not.toBeInTheDocument();
  });

  it('the deadline on the host city’s clock, its time zone named', async () => {
    const deadlineAt = '2027-07-20T07:30:00Z'; // 15:30 in Shanghai
    const inShanghai = { ...offer, deadlineAt, delegation: { ...offer.delegation, hostTimeZone: 'Asia/Shanghai' } };
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [inShanghai], total: 1 } } });
    renderApp({ path: '/offers', fetchImpl, session: host });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    const text = within(card).getByTestId('time-left').textContent ?? '';
    expect(text).toContain('Answer by Jul 20, 2027');
    expect(text).toMatch(/3:30\s?PM China Standard Time/);
  });

  it('the host city’s zone in Chinese too', async () => {
    const inShanghai = { ...offer, deadlineAt: '2027-07-20T07:30:00Z', delegation: { ...offer.delegation, hostTimeZone: 'Asia/Shanghai' } };
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [inShanghai], total: 1 } } });
    renderApp({ path: '/offers', fetchImpl, session: host, language: 'zh' });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    expect(within(card).getByTestId('time-left')).toHaveTextContent(/中国标准时间/);
  });

  it('the deadline also as a time on the clock, with the time zone named (the reader’s own when the offer names no host zone)', async () => {
    const unknownZone = { ...offer, delegation: { ...offer.delegation, hostTimeZone: null } };
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [unknownZone], total: 1 } } });
    renderApp({ path: '/offers', fetchImpl, session: host });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    const zone = new Intl.DateTimeFormat('en', { timeZoneName: 'long' }).formatToParts(new Date(inThreeDays)).find((p) => p.type === 'timeZoneName')!.value;
    const clock = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(inThreeDays));
    const text = within(card).getByTestId('time-left').textContent ?? '';
    expect(text).toContain('Answer by');
    expect(text).toContain(clock);
    expect(text).toContain(zone);
  });

  it('declining needs a reason: the API’s message shows at the reason field; then it is declined', async () => {
    const { fetchImpl, calls } = fakeApi({
      'GET /api/host-matching/offers': { body: { items: [offer], total: 1 } },
      'POST /api/host-matching/offers/:id/decline': (c) =>
        (c.body as { reason: string }).reason.length < 3
          ? { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['reason too short'], fields: [{ field: 'reason', messages: ['reason must be longer than or equal to 3 characters'] }] } }
          : { body: { ...offer, status: 'declined', rematch: { runId: 'r', placed: 1, unplaced: 0, moved: 0 } } },
    });
    renderApp({ path: '/offers', fetchImpl, session: host });
    await userEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    const reason = screen.getByLabelText(/Reason for declining/);
    await userEvent.type(reason, 'no');
    await userEvent.click(screen.getByRole('button', { name: 'Decline the offer' }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription('reason must be longer than or equal to 3 characters'));
    await userEvent.type(reason, ' room that week');
    await userEvent.click(screen.getByRole('button', { name: 'Decline the offer' }));
    expect(await screen.findByText('Offer declined')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/host-matching/offers/offer-1/decline').map((c) => c.body)).toEqual([{ reason: 'no' }, { reason: 'no room that week' }]);
  });

  it('accepts', async () => {
    const { fetchImpl, calls } = fakeApi({
      'GET /api/host-matching/offers': { body: { items: [offer], total: 1 } },
      'POST /api/host-matching/offers/:id/accept': { body: { ...offer, status: 'accepted' } },
    });
    renderApp({ path: '/offers', fetchImpl, session: host });
    await userEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('Offer accepted')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/host-matching/offers/offer-1/accept')).toBe(true);
  });

  it('another family’s offer: not found, nothing about the guest', async () => {
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers/:id': { status: 404, body: { statusCode: 404, code: 'OFFER.NOT_FOUND', message: 'no such offer' } } });
    renderApp({ path: '/offers/someone-elses', fetchImpl, session: host });
    expect(await screen.findByRole('alert')).toHaveTextContent('This offer does not exist or is not for your family.');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('in Chinese', async () => {
    const { fetchImpl } = fakeApi({ 'GET /api/host-matching/offers': { body: { items: [offer], total: 1 } } });
    renderApp({ path: '/offers', fetchImpl, session: host, language: 'zh' });
    expect(await screen.findByRole('heading', { name: '给您家庭的接待邀请' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '接受' })).toBeInTheDocument();
  });
});

describe('a delegation’s offers, as its coordinator follows them', () => {
  it('the time left, and the deadline on the host city’s clock (zone named) as its tooltip', async () => {
    const inShanghai = { ...offer, deadlineAt: '2027-07-20T07:30:00Z', delegation: { ...offer.delegation, hostTimeZone: 'Asia/Shanghai' } };
    const { fetchImpl } = fakeApi({
      'GET /api/delegations/:id': { body: { id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'planning' } },
      'GET /api/host-matching/offers': { body: { items: [inShanghai], total: 1 } },
    });
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    const left = await screen.findByText(/\d+ d \d+ h \d+ min left/);
    expect(left.getAttribute('title')).toMatch(/^Deadline: Jul 20, 2027, 3:30\s?PM China Standard Time$/);
  });
});
