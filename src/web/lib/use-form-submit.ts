import { useState } from 'react';
import { problemFieldErrors, type FieldErrors, type Validated } from './validation';

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"], .field--invalid input, .field--invalid textarea');
    first?.focus();
  });
}

/** Validation, server problems and the busy flag of one form. */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(validated: Validated<T>, send: (data: T) => Promise<void>) {
    setProblem(null);
    if (validated.errors) {
      setErrors(validated.errors);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(validated.data);
    } catch (error) {
      const fields = problemFieldErrors(error);
      setErrors(fields);
      setProblem(error);
      if (Object.keys(fields).length) focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  }

  return { errors, problem, busy, run, setErrors };
}
