/**
 * What HTTP routes need of the live connections, bound to socket.io once it is attached (the app is
 * built before the HTTP server exists, and tests may run the app without any socket.io at all).
 * With the Postgres adapter, these reach the sockets held by every server process.
 */
import type { CounterEvent, QueueEvent } from '../../common/events.ts';
import type { LobbyIo } from './io.ts';

/** Every display, kiosk and staff screen of an outlet is in this room. */
export function outletRoom(outletId: string): string {
  return `outlet:${outletId}`;
}

export interface LiveChannel {
  /** Sends committed ticket transitions to their outlets' rooms (persist first, then broadcast). */
  publish(events: readonly QueueEvent[]): void;
  /** Sends committed counter changes (opened, paused, closed) to their outlets' rooms. */
  publishCounters(events: readonly CounterEvent[]): void;
  /** Drops every connection of a device at once (after it is revoked). */
  disconnectDevice(deviceId: string): void;
  /** Drops every connection opened with a staff session (after sign-out). */
  disconnectSession(sessionId: string): void;
  bind(io: LobbyIo): void;
}

/** Every socket of one device is in this room. */
export function deviceRoom(deviceId: string): string {
  return `device:${deviceId}`;
}

/** Every socket opened with one staff session (its token hash) is in this room. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

export function createLiveChannel(): LiveChannel {
  let io: LobbyIo | undefined;
  return {
    publish(events) {
      for (const event of events) io?.to(outletRoom(event.outletId)).emit('queue:event', event);
    },
    publishCounters(events) {
      for (const event of events) io?.to(outletRoom(event.outletId)).emit('counter:event', event);
    },
    disconnectDevice(deviceId) {
      io?.in(deviceRoom(deviceId)).disconnectSockets(true);
    },
    disconnectSession(sessionId) {
      io?.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    bind(bound) {
      io = bound;
    },
  };
}
