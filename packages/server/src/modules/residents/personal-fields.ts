import { type Address, ID_CARD_PROBLEM_KEYS, normalizeMobile, parseIdCard } from '@fengqiao/shared';
import { AppError, invalid } from '../../http/app-error.js';
import { householdKeyOf } from '../../lib/address/household-key.js';
import { maskIdCard, maskPhone } from '../../lib/crypto/mask.js';
import { blindIndex, decryptField, encryptField } from '../../lib/crypto/sm.js';
import type { Keys } from '../../security/secret-key.js';

/** Sealed (SM4 + HMAC-SM3), masked and blind-indexed forms of one personal value. */
export interface ProtectedValue {
  sealed: string;
  masked: string;
  index: string;
}

export function formatAddress(address: Address): string {
  return [address.community, address.street, address.building, address.unit, address.room]
    .filter(Boolean)
    .join('');
}

/** Lists show the village and street, never the door. */
export function maskAddress(address: Address): string {
  return `${address.community}${address.street}****`;
}

/** The blind index of an address in canonical form (householdKeyOf): '3号楼' and '3幢' give the same. */
export function addressKeyIndexOf(keys: Keys, address: Address): string {
  return blindIndex(
    keys.blindIndex,
    householdKeyOf({
      community: address.community,
      street: address.street,
      building: address.building ?? '',
      unit: address.unit ?? '',
      room: address.room,
    }),
  );
}

export interface ProtectedAddress extends ProtectedValue {
  /** Blind index of the canonical key: what households are matched by (same door, however typed). */
  keyIndex: string;
}

/** `index` is of the address exactly as typed (the full-address search); `keyIndex` of its canonical key. */
export function protectAddress(keys: Keys, address: Address): ProtectedAddress {
  const full = formatAddress(address);
  return {
    sealed: encryptField(keys.field, JSON.stringify(address), 'household.address'),
    masked: maskAddress(address),
    index: blindIndex(keys.blindIndex, full),
    keyIndex: addressKeyIndexOf(keys, address),
  };
}

export function openAddress(keys: Keys, sealed: string): Address {
  return JSON.parse(decryptField(keys.field, sealed, 'household.address')) as Address;
}

export interface IdCardFields extends ProtectedValue {
  birthDate: string;
  sex: 'male' | 'female';
}

export function protectIdCard(keys: Keys, raw: string, field = 'idCard'): IdCardFields {
  const parsed = parseIdCard(raw);
  if (!parsed.ok) {
    const key = ID_CARD_PROBLEM_KEYS[parsed.problem];
    throw new AppError(422, 'invalid_id_card', undefined, [{ field, key }], { key });
  }
  return {
    sealed: encryptField(keys.field, parsed.normalized, 'resident.id_card'),
    masked: maskIdCard(parsed.normalized),
    index: blindIndex(keys.blindIndex, parsed.normalized),
    birthDate: parsed.birthDate,
    sex: parsed.sex,
  };
}

export function protectPhone(keys: Keys, raw: string, field = 'phone'): ProtectedValue {
  const phone = normalizeMobile(raw);
  if (!phone) throw invalid('invalid_phone', undefined, [{ field, key: 'field.invalid_phone' }]);
  return {
    sealed: encryptField(keys.field, phone, 'resident.phone'),
    masked: maskPhone(phone),
    index: blindIndex(keys.blindIndex, phone),
  };
}

/** A resident row's protected person columns, from the sealed ID number and (optional) mobile. */
export function personColumns(idCard: IdCardFields, phone: ProtectedValue | null) {
  return {
    idCardSealed: idCard.sealed,
    idCardMasked: idCard.masked,
    idCardIndex: idCard.index,
    birthDate: idCard.birthDate,
    sex: idCard.sex,
    phoneSealed: phone?.sealed ?? null,
    phoneMasked: phone?.masked ?? null,
    phoneIndex: phone?.index ?? null,
  };
}

export const openIdCard = (keys: Keys, sealed: string) =>
  decryptField(keys.field, sealed, 'resident.id_card');
export const openPhone = (keys: Keys, sealed: string) => decryptField(keys.field, sealed, 'resident.phone');

/** Every 1- and 2-character piece of a name: partial search on Chinese names becomes an array containment. */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + (chars[i + 1] as string));
  return [...grams];
}

/** The grams a query must all be found in: its bigrams, or the single character. */
export function queryGrams(query: string): string[] {
  const chars = [...query.replace(/\s+/g, '')];
  if (chars.length <= 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + (chars[i + 1] as string));
  return grams;
}
