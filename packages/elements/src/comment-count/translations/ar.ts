import type { CommentCountStrings } from './en.js';

// Arabic has six plural forms; Intl.PluralRules picks the one for each number.
const forms: Record<Intl.LDMLPluralRule, (formatted: string) => string> = {
  zero: () => 'لا توجد تعليقات',
  one: () => 'تعليق واحد',
  two: () => 'تعليقان',
  few: (n) => `${n} تعليقات`,
  many: (n) => `${n} تعليقًا`,
  other: (n) => `${n} تعليق`,
};

const strings: CommentCountStrings = {
  commentCount: (count, formatted) => forms[new Intl.PluralRules('ar').select(count)](formatted),
  commentCountUnavailable: 'عدد التعليقات غير متاح',
  loadingCommentCount: 'جارٍ تحميل عدد التعليقات',
  retry: 'إعادة المحاولة',
};

export default strings;
