/// <reference types="vite/client" />
declare module 'cytoscape-svg';
interface ImportMetaEnv {
  readonly VITE_EXPOSE_CY?: string;
}
