import { useEffect, useId, useRef, useState } from 'react';
import { LOGO_CONTENT_TYPES, LOGO_MAX_BYTES } from '../../../contracts/organisation';
import { useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';

/** What saving the form does to the logo. */
export type LogoChoice = { kind: 'keep' } | { kind: 'upload'; file: File; preview: string } | { kind: 'remove' };

const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);

/**
 * Logo chooser with a preview. Type and size are checked here so the reader hears about a
 * 3 MB photo before anything is sent; the server still sniffs the bytes and may refuse them
 * (`error`, at the field path `logo`).
 */
export function LogoField({
  currentUrl,
  value,
  onChange,
  error,
}: {
  currentUrl: string | null;
  value: LogoChoice;
  onChange: (choice: LogoChoice) => void;
  error?: string;
}) {
  const { t, locale } = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const preview = value.kind === 'upload' ? value.preview : null;

  // The preview's object URL lives as long as the choice that made it.
  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);

  const limit = formatNumber(kilobytes(LOGO_MAX_BYTES), locale, { style: 'unit', unit: 'kilobyte' });
  const shown = value.kind === 'upload' ? preview : value.kind === 'keep' ? currentUrl : null;
  const shownError = localError ?? error;

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    if (!(LOGO_CONTENT_TYPES as readonly string[]).includes(chosen.type)) {
      setLocalError(t('logo.wrongType'));
    } else if (chosen.size > LOGO_MAX_BYTES) {
      setLocalError(t('logo.tooLarge', { size: formatNumber(kilobytes(chosen.size), locale, { style: 'unit', unit: 'kilobyte' }), limit }));
    } else {
      setLocalError(null);
      onChange({ kind: 'upload', file: chosen, preview: URL.createObjectURL(chosen) });
      return;
    }
    // Let the reader pick the same file again after fixing it elsewhere.
    if (input.current) input.current.value = '';
  };

  const reset = () => {
    setLocalError(null);
    if (input.current) input.current.value = '';
    onChange({ kind: 'keep' });
  };

  return (
    <fieldset className={shownError ? 'field-group logo-field field--invalid' : 'field-group logo-field'} aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ''}`}>
      <legend>{t('logo.legend')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('logo.hint', { limit })}
      </p>
      <div className="logo-field__body">
        <div className="logo-field__preview">
          {shown ? <img src={shown} alt={t('logo.preview')} /> : <span className="muted">{t('logo.none')}</span>}
        </div>
        <div className="logo-field__controls">
          <label htmlFor={id}>{currentUrl || preview ? t('logo.replace') : t('logo.choose')}</label>
          <input
            ref={input}
            id={id}
            type="file"
            accept={LOGO_CONTENT_TYPES.join(',')}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={shownError ? `${id}-error` : undefined}
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <p className="actions">
            {value.kind === 'keep' && currentUrl && (
              <button type="button" className="button button--quiet button--small" onClick={() => onChange({ kind: 'remove' })}>
                {t('logo.remove')}
              </button>
            )}
            {value.kind === 'upload' && (
              <button type="button" className="button button--quiet button--small" onClick={reset}>
                {currentUrl ? t('logo.keepCurrent') : t('logo.discard')}
              </button>
            )}
            {value.kind === 'remove' && (
              <>
                <span role="status">{t('logo.willRemove')}</span>
                <button type="button" className="button button--quiet button--small" onClick={reset}>
                  {t('logo.undoRemove')}
                </button>
              </>
            )}
          </p>
        </div>
      </div>
      {shownError && (
        <p className="field__error" id={`${id}-error`}>
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
