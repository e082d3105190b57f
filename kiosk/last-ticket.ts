/**
 * The last ticket this kiosk issued, for "reprint" — a jammed printer, a ticket dropped. Only its id
 * is kept (in localStorage, so a reload or a restart keeps it); the ticket itself is asked for again,
 * so the reprint shows where the queue stands now. The server only gives back today's tickets of
 * this outlet: when it says there is no such ticket (yesterday's), the id is forgotten.
 */
const STORAGE_KEY = 'lobby.kiosk.lastTicket';

export function readLastTicketId(): string | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored && stored.length <= 64 ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function writeLastTicketId(id: string | undefined): void {
  try {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the reprint works until the page reloads.
  }
}
