import { useMutation } from '@tanstack/react-query';
import { sendGuestFeedback } from './api.ts';

/** Sends a guest's feedback through their link; nothing of the product is refreshed (a guest sees none of it). */
export function useSendGuestFeedback(token: string) {
  return useMutation({ mutationFn: (text: string) => sendGuestFeedback(token, { text }) });
}
