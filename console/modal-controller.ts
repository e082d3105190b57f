/**
 * Which dialogs are open on the page. A dialog element adds a `ModalController`; keyboard shortcuts
 * ask `anyModalOpen()` before they fire, because a key meant for a dialog (typing a note, choosing a
 * service) must never also call a number or finish a ticket behind it. Dialogs live in different
 * shadow roots, so a registry is simpler and surer than searching the DOM for them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const registered = new Set<ModalController>();

export function anyModalOpen(): boolean {
  for (const modal of registered) if (modal.isOpen()) return true;
  return false;
}

export class ModalController implements ReactiveController {
  /** Whether the host is a dialog right now; an element that is one only sometimes passes a test. */
  readonly isOpen: () => boolean;

  constructor(host: ReactiveControllerHost, isOpen: () => boolean = () => true) {
    this.isOpen = isOpen;
    host.addController(this);
  }

  hostConnected(): void {
    registered.add(this);
  }

  hostDisconnected(): void {
    registered.delete(this);
  }
}
