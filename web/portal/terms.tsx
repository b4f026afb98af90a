// "I accept the return terms" with its link and its own message: a return and
// an exchange (whose items go back as a return) ask for it the same way.
import { t } from '../i18n/locale.ts';
import { FieldMessage, invalidFor } from '../ui/form.tsx';

export function TermsCheckbox(props: { termsUrl: string; checked: boolean; onChange: (checked: boolean) => void; error: string | undefined }) {
  return (
    <div class="field">
      <FieldMessage path="termsAccepted" error={props.error} />
      <label>
        <input
          type="checkbox"
          id="field-termsAccepted"
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
          {...invalidFor('termsAccepted', props.error)}
        />
        {t('web.newReturn.accept')}{' '}
        <a href={props.termsUrl} target="_blank" rel="noopener noreferrer">
          {t('web.newReturn.termsLink')}
        </a>
      </label>
    </div>
  );
}
