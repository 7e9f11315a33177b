import type { PickerStrings } from './en.js';

const strings: PickerStrings = {
  share: 'مشاركة',
  mastodonServer: 'خادم ماستودون الخاص بك',
  mastodonHint: 'مثلًا mastodon.social',
  mastodonInvalid: 'أدخل اسم خادم مثل mastodon.social',
  mastodonHub: 'لست متأكدًا؟ اختر من صفحة المشاركة',
  cancel: 'إلغاء',
};

export default strings;
