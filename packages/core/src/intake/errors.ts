// Every input an intake parser cannot read ends as one IntakeError: a stable code for programs and a message of one
// line that says what is wrong with the file and, where there is one, what to do instead.

export type IntakeErrorCode =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'encoding'
  | 'not_chat_export'
  | 'wrong_source'
  | 'corrupt_zip'
  | 'zip_bomb'
  | 'bad_json';

export class IntakeError extends Error {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IntakeError';
  }
}

export const NOT_AN_EXPORT = 'not a WhatsApp, Slack or Teams export';
