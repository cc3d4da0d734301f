import { LOCALES, type Locale } from '../../../contracts/common';
import { SelectField } from '../../components/fields';
import { useT } from '../../i18n/i18n';
import { timeZones } from '../../lib/format';

/** Language and time zone pickers shared by sign-up, setup and account settings. */
export function LocaleAndZoneFields({
  locale: value,
  timeZone,
  onChange,
  errors,
}: {
  locale: Locale;
  timeZone: string;
  onChange: (next: { locale: Locale; timeZone: string }) => void;
  errors: Record<string, string>;
}) {
  const { t } = useT();
  const zones = timeZones();
  return (
    <>
      <SelectField
        label={t('auth.language')}
        value={value}
        error={errors.locale}
        options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        onChange={(e) => onChange({ locale: e.target.value as Locale, timeZone })}
      />
      <SelectField
        label={t('auth.timeZone')}
        hint={t('auth.timeZoneHint')}
        value={timeZone}
        error={errors.timeZone}
        options={(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        onChange={(e) => onChange({ locale: value, timeZone: e.target.value })}
      />
    </>
  );
}
