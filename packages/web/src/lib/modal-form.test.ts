import { describe, expect, it } from 'vitest';
import { submitButtonProps } from './modal-form';

describe('a dialog’s OK button', () => {
  it('submits the dialog’s form, so Enter in a field submits too, and spins while sending', () => {
    expect(submitButtonProps('f1', true)).toEqual({ htmlType: 'submit', form: 'f1', loading: true });
    expect(submitButtonProps('f2', false, 'user-create-submit')).toEqual({
      htmlType: 'submit',
      form: 'f2',
      loading: false,
      'data-testid': 'user-create-submit',
    });
  });
});
