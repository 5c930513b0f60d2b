//! Pieces every screen shares: text laid out by display width ([`text`]), a list that
//! pages by its viewport and answers clicks from what it drew ([`list`]), a scrolled
//! document with a pinned part ([`scroll`]), the header and the footer ([`frame`],
//! [`footer`]).

pub mod field;
pub mod footer;
pub mod frame;
pub mod list;
pub mod scroll;
pub mod text;
