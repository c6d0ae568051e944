'use client';

import { useActionState } from 'react';
import { saveShopSettingsAction } from '~/app/admin/settings/actions';
import { idle } from '~/lib/form-state';
import { FieldError, FormNotice, invalidProps } from './field-error.tsx';

/** The shop's tax settings; a plain form post works without JavaScript. */
export function SettingsForm({
  settings,
}: {
  settings: { taxEnabled: boolean; taxBehavior: 'exclusive' | 'inclusive'; defaultTaxCode: string };
}) {
  const [state, action, pending] = useActionState(saveShopSettingsAction, idle);
  return (
    <form action={action} className="admin-form" aria-label="Tax settings" noValidate>
      <FormNotice state={state} fields={['taxEnabled', 'taxBehavior', 'defaultTaxCode']} />
      <div className="field field--check">
        <input
          id="taxEnabled"
          type="checkbox"
          name="taxEnabled"
          defaultChecked={settings.taxEnabled}
        />
        <label htmlFor="taxEnabled">Charge tax with Stripe Tax</label>
      </div>
      <fieldset className="field">
        <legend>Shown prices</legend>
        <label className="field--check">
          <input
            type="radio"
            name="taxBehavior"
            value="exclusive"
            defaultChecked={settings.taxBehavior === 'exclusive'}
          />{' '}
          Exclude tax: it is added at checkout (US style)
        </label>
        <label className="field--check">
          <input
            type="radio"
            name="taxBehavior"
            value="inclusive"
            defaultChecked={settings.taxBehavior === 'inclusive'}
          />{' '}
          Include tax (EU and UK style)
        </label>
        <FieldError state={state} name="taxBehavior" />
      </fieldset>
      <div className="field">
        <label htmlFor="defaultTaxCode">Default tax code</label>
        <input
          id="defaultTaxCode"
          name="defaultTaxCode"
          defaultValue={settings.defaultTaxCode}
          maxLength={13}
          size={14}
          {...invalidProps(state, 'defaultTaxCode')}
        />
        <FieldError state={state} name="defaultTaxCode" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
