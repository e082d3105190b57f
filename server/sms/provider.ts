/** Where SMS messages go. Production plugs in a carrier's API; development logs and keeps them. */
export interface SmsMessage {
  /** The full number: only the provider sees it. */
  phone: string;
  template: 'verification_code';
  params: Record<string, string>;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<void>;
}
