import type { ThreadStrings } from './en.js';

// Arabic has six plural forms; Intl.PluralRules picks the one for each number.
const plural = (count: number, forms: Record<Intl.LDMLPluralRule, string>) =>
  forms[new Intl.PluralRules('ar').select(count)];

const strings: ThreadStrings = {
  comments: 'التعليقات',
  commentCount: (count, formatted) =>
    plural(count, {
      zero: 'لا توجد تعليقات بعد',
      one: 'تعليق واحد',
      two: 'تعليقان',
      few: `${formatted} تعليقات`,
      many: `${formatted} تعليقًا`,
      other: `${formatted} تعليق`,
    }),
  sortLabel: 'ترتيب التعليقات',
  sortNew: 'الأحدث',
  sortOld: 'الأقدم',
  sortTop: 'الأبرز',
  loading: 'جارٍ تحميل التعليقات…',
  empty: 'كن أول من يعلّق.',
  closed: 'التعليقات مغلقة.',
  loadMore: 'تحميل مزيد من التعليقات',
  loadReplies: (_count, formatted) => `عرض ${formatted} من الردود الأخرى`,
  incoming: (_count, formatted) => `عرض التعليقات الجديدة (${formatted})`,
  incomingAnnounced: (_count, formatted) => `تعليقات جديدة: ${formatted}`,
  // A left-to-right mark before "@": a Latin name otherwise reads "Bob@" in a right-to-left line.
  // (Not isolates: WebKit does not honour them.)
  replyingTo: (name) => `ردًا على \u200E@${name}`,
  deleted: 'حُذف هذا التعليق.',
  deletedAuthor: 'محذوف',
  edited: '(معدّل)',
  pending: 'بانتظار المراجعة: أنت وحدك تراه.',
  permalink: 'رابط هذا التعليق',
  reply: 'رد',
  react: (reaction, count) => `${reaction}: ${count}`,
  retry: 'إعادة المحاولة',
  errorNetwork: 'تعذّر الوصول إلى خادم التعليقات. تحقّق من اتصالك.',
  errorTimeout: 'استغرق خادم التعليقات وقتًا طويلًا للرد.',
  errorRateLimited: (seconds) =>
    seconds > 0 ? `طلبات كثيرة جدًا. حاول مجددًا بعد ${seconds} ث.` : 'طلبات كثيرة جدًا. حاول مجددًا بعد قليل.',
  errorServer: 'واجه خادم التعليقات مشكلة.',
  errorSignIn: 'انتهت جلستك. سجّل الدخول مجددًا للنشر.',
  errorGeneric: 'حدث خطأ ما.',
  writePlaceholder: 'اكتب تعليقًا…',
};

export default strings;
