import type { EditorStrings } from './en.js';

const strings: EditorStrings = {
  nameLabel: 'اسمك',
  emailLabel: 'البريد الإلكتروني (اختياري، لا يُعرض أبدًا)',
  write: 'كتابة',
  preview: 'معاينة',
  nothingToPreview: 'لا شيء للمعاينة بعد.',
  previewing: 'جارٍ تحميل المعاينة…',
  post: 'نشر التعليق',
  postReply: 'نشر الرد',
  save: 'حفظ',
  cancel: 'إلغاء',
  commentLabel: 'تعليقك',
  replyLabel: (name) => `الرد على ${name}`,
  editLabel: 'تعديل تعليقك',
  hint: (keys) => `يمكنك استخدام Markdown: **عريض**، *مائل*، [روابط](https://…)، \`شيفرة\`. ${keys} للنشر.`,
  tooLong: (max) => `هذا أطول من ${max} حرف المسموح بها للتعليق.`,
  charactersLeft: (_count, formatted) => `الأحرف المتبقية: ${formatted}`,
  empty: 'اكتب شيئًا أولًا.',
  nameRequired: 'أدخل اسمًا للنشر.',
  signInRequired: 'سجّل الدخول في هذا الموقع للتعليق. تبقى مسودتك محفوظة.',
  posting: 'جارٍ النشر…',
};

export default strings;
