/**
 * monaco-yaml's language worker. Re-exported from our own file because Vite cannot load the
 * package's worker entry directly (monaco-yaml README, "Why doesn't it work with Vite?").
 */
import 'monaco-yaml/yaml.worker.js';
