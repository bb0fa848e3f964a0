/** check_buf() and clear_buf(): they live in lib/syncmode/ (the CLI's bench uses them). */
export { check_buf, clear_buf } from '../lib/syncmode/checkbuf.js';
