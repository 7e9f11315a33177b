import type { ShareStrings } from './en.js';

const strings: ShareStrings = {
  shareOn: (network) => `المشاركة على ${network}`,
  share: 'مشاركة',
  shareVia: 'المشاركة عبر…',
  copyLink: 'نسخ الرابط',
  linkCopied: 'تم نسخ الرابط',
  copyFailed: 'تعذّر نسخ الرابط: حدّده وانسخه بنفسك',
  email: 'البريد الإلكتروني',
  shares: (count, formatted) =>
    `${formatted} ${new Intl.PluralRules('ar').select(count) === 'one' ? 'مشاركة' : 'مشاركات'}`,
  opensInNewTab: '(يفتح في علامة تبويب جديدة)',
};

export default strings;

// The Mastodon picker's, loaded with the bar's (see mastodon-picker.ts).
export { default as picker } from '../picker-translations/ar.js';
