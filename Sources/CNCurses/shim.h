#ifndef LIQTOP_CNCURSES_SHIM_H
#define LIQTOP_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API; define it here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>

// The attribute macros do not import into Swift; expose them as functions.
static inline int liq_a_bold(void) { return (int)A_BOLD; }
static inline int liq_a_reverse(void) { return (int)A_REVERSE; }
static inline int liq_a_underline(void) { return (int)A_UNDERLINE; }
static inline int liq_a_dim(void) { return (int)A_DIM; }
static inline int liq_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int liq_key_resize(void) { return KEY_RESIZE; }
static inline WINDOW *liq_stdscr(void) { return stdscr; }
static inline int liq_colors(void) { return COLORS; }
static inline int liq_lines(void) { return LINES; }
static inline int liq_cols(void) { return COLS; }
#endif
