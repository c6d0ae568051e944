'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, formText } from '~/lib/form-state';
import { getActionApi } from '~/server/pages/api';
import { formResult } from '~/server/pages/form-result';

export async function saveShopSettingsAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).admin.settings.save({
      taxEnabled: form.get('taxEnabled') === 'on',
      taxBehavior: formText(form, 'taxBehavior') === 'inclusive' ? 'inclusive' : 'exclusive',
      defaultTaxCode: formText(form, 'defaultTaxCode').trim(),
    });
    revalidatePath('/admin/settings');
    return { status: 'done', message: 'Settings saved.' };
  });
}
