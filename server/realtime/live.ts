/**
 * What HTTP routes need of the live connections, bound to socket.io once it is attached (the app is
 * built before the HTTP server exists, and tests may run the app without any socket.io at all).
 */
import type { LobbyIo } from './io.ts';

export interface LiveChannel {
  /** Drops every connection of a device at once (after it is revoked). */
  disconnectDevice(deviceId: string): void;
  bind(io: LobbyIo): void;
}

export function deviceRoom(deviceId: string): string {
  return `device:${deviceId}`;
}

export function createLiveChannel(): LiveChannel {
  let io: LobbyIo | undefined;
  return {
    disconnectDevice(deviceId) {
      io?.in(deviceRoom(deviceId)).disconnectSockets(true);
    },
    bind(bound) {
      io = bound;
    },
  };
}
