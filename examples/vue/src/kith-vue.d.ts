// Kith's elements in Vue templates: their props, attributes and events, typed from the elements.
import '@kith/elements/vue';
