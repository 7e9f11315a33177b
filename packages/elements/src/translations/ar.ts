import type { KithTranslation } from '../base/localize.js';

// Arabic has six plural forms; Intl.PluralRules picks the one for each number.
const forms: Record<Intl.LDMLPluralRule, (formatted: string) => string> = {
  zero: () => 'لا توجد تعليقات',
  one: () => 'تعليق واحد',
  two: () => 'تعليقان',
  few: (n) => `${n} تعليقات`,
  many: (n) => `${n} تعليقًا`,
  other: (n) => `${n} تعليق`,
};

const translation: KithTranslation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  commentCount: (count, formatted) => forms[new Intl.PluralRules('ar').select(count)](formatted),
  commentCountUnavailable: 'عدد التعليقات غير متاح',
  loadingCommentCount: 'جارٍ تحميل عدد التعليقات',
  retry: 'إعادة المحاولة',
  shareOn: (network) => `المشاركة على ${network}`,
  share: 'مشاركة',
  shareVia: 'المشاركة عبر…',
  copyLink: 'نسخ الرابط',
  linkCopied: 'تم نسخ الرابط',
  copyFailed: 'تعذّر نسخ الرابط: حدّده وانسخه بنفسك',
  email: 'البريد الإلكتروني',
  mastodonServer: 'خادم ماستودون الخاص بك',
  mastodonHint: 'مثلًا mastodon.social',
  mastodonInvalid: 'أدخل اسم خادم مثل mastodon.social',
  mastodonHub: 'لست متأكدًا؟ اختر من صفحة المشاركة',
  cancel: 'إلغاء',
  shares: (count, formatted) =>
    `${formatted} ${new Intl.PluralRules('ar').select(count) === 'one' ? 'مشاركة' : 'مشاركات'}`,
  opensInNewTab: '(يفتح في علامة تبويب جديدة)',
};

export default translation;
