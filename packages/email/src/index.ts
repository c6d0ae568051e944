export { createResendSender, type ResendSenderOptions } from './resend-sender.ts';
export type { EmailMessage, EmailSender, SendOutcome } from './sender.ts';
