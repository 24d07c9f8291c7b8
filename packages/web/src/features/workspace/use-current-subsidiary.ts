// The header's subsidiary switcher; '' means all. Kept in localStorage so the choice survives reloads,
// and shared between components through Mantine's storage event.
import { useLocalStorage } from '@mantine/hooks';

export function useCurrentSubsidiary(): [string, (code: string) => void] {
  const [value, setValue] = useLocalStorage<string>({
    key: 'pistudio.subsidiary',
    defaultValue: '',
    getInitialValueInEffect: false,
  });
  return [value, setValue];
}
