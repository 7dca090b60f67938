//! The sprint calendar: Norwegian public holidays and the date and time of every session.
