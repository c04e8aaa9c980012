function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

export function maskIdCard(idCard: string): string {
  return maskMiddle(idCard.trim(), 3, 4);
}

export function maskPhone(phone: string): string {
  return maskMiddle(phone.trim(), 3, 4);
}
