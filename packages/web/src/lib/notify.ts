// One style for result messages: green when done, red with the server's reason when not.
import { notifications } from '@mantine/notifications';
import { errorMessage, errorTitle } from './errors.ts';

export function notifySuccess(message: string, title = 'Done') {
  notifications.show({ color: 'green', title, message, autoClose: 4000 });
}

export function notifyError(err: unknown, title?: string) {
  notifications.show({ color: 'red', title: title ?? errorTitle(err), message: errorMessage(err), autoClose: 8000 });
}
