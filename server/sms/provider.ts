/** Where SMS messages go. Production plugs in a carrier's API; development logs and keeps them. */
export interface SmsMessage {
  /** The full number: only the provider sees it. */
  phone: string;
  // Booking messages reach citizens without a bound WeChat identity by SMS (server/notifications/sms.ts).
  template: 'verification_code' | 'booking_confirmed' | 'booking_reminder' | 'booking_affected' | 'turn_near';
  params: Record<string, string>;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<void>;
}
