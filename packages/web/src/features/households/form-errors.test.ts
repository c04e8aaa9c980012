// @vitest-environment happy-dom
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { applyAddressProblem } from './form-errors';

function recordingForm() {
  const set: { name: unknown; errors?: string[] }[] = [];
  const form = { setFields: (fields: typeof set) => set.push(...fields) } as unknown as FormInstance;
  return { form, set };
}

const problem = (errors: { field: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: '请求无效', status: 422, code: 'validation', errors });

describe('server problems on the household forms', () => {
  it('puts the address parts’ errors on the flat fields', () => {
    const { form, set } = recordingForm();
    const error = problem([
      { field: '/address/room', message: '门牌号必填' },
      { field: 'body.address.community', message: '村/社区必填' },
    ]);
    expect(applyAddressProblem(form, error, ['room', 'community'])).toBeNull();
    expect(set).toEqual([
      { name: 'room', errors: ['门牌号必填'] },
      { name: 'community', errors: ['村/社区必填'] },
    ]);
  });

  it('leaves other fields’ errors and other failures as they are', () => {
    const { form, set } = recordingForm();
    expect(applyAddressProblem(form, problem([{ field: '/name', message: '必填' }]), ['name'])).toBeNull();
    expect(set).toEqual([{ name: 'name', errors: ['必填'] }]);
    expect(applyAddressProblem(recordingForm().form, new Error('断网了'), ['room'])).toBe('断网了');
  });
});
