// @vitest-environment happy-dom
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { applyProblemToForm } from './form-errors';

/** Records what a form was told; antd's FormInstance is only asked for setFields here. */
function recordingForm() {
  const set: { name: unknown; errors?: string[] }[] = [];
  const form = { setFields: (fields: typeof set) => set.push(...fields) } as unknown as FormInstance;
  return { form, set };
}

const problem = (fields: Partial<ApiError['problem']>) =>
  new ApiError({ type: 'about:blank', title: '请求无效', status: 422, code: 'validation', ...fields });

describe('server problems on a form', () => {
  it('puts each field’s message under that field and shows no banner', () => {
    const { form, set } = recordingForm();
    const error = problem({
      errors: [
        { field: '/password', message: '太短' },
        { field: 'body.password', message: '需含数字' },
        { field: '/roles/0', message: '角色冲突' },
      ],
    });
    expect(applyProblemToForm(form, error, ['password', 'roles'])).toBeNull();
    expect(set).toEqual([
      { name: 'password', errors: ['太短', '需含数字'] },
      { name: 'roles', errors: ['角色冲突'] },
    ]);
  });

  it('shows in the banner the messages about fields the form does not have', () => {
    const { form, set } = recordingForm();
    const error = problem({
      detail: '请检查',
      errors: [
        { field: '/name', message: '必填' },
        { field: '/x', message: '未知' },
      ],
    });
    expect(applyProblemToForm(form, error, ['name'])).toBe('请检查；未知');
    expect(set).toEqual([{ name: 'name', errors: ['必填'] }]);
  });

  it('puts an error code that names no field on the field it is about', () => {
    const { form, set } = recordingForm();
    const taken = problem({ status: 409, code: 'username_taken', detail: '用户名已存在' });
    expect(applyProblemToForm(form, taken, ['username'], { username_taken: 'username' })).toBeNull();
    expect(set).toEqual([{ name: 'username', errors: ['用户名已存在'] }]);
    expect(applyProblemToForm(recordingForm().form, taken, ['username'])).toBe('用户名已存在');
  });

  it('shows any other failure in the banner', () => {
    const { form, set } = recordingForm();
    expect(applyProblemToForm(form, new Error('断网了'), ['name'])).toBe('断网了');
    expect(set).toEqual([]);
  });
});
