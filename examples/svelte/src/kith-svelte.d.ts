// Kith's elements in Svelte templates: their props, attributes and events, typed from the elements.
import '@kith/elements/svelte';
