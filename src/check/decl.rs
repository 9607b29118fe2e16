//! Package-level declarations, scopes and the checker state.

use super::*;

pub(crate) struct State {}

impl State {
    pub fn new(_tt: &mut TypeTable) -> State {
        State {}
    }
    pub fn check_file(
        &mut self,
        _f: &ast::File,
        _tt: &mut TypeTable,
    ) -> Result<TypeInfo, Vec<Diagnostic>> {
        Err(vec![Diagnostic::internal(0, "checker not implemented yet")])
    }
    pub fn check_repl(
        &mut self,
        _items: &[ReplItem<'_>],
        _tt: &mut TypeTable,
    ) -> Result<TypeInfo, Vec<Diagnostic>> {
        Err(vec![Diagnostic::internal(0, "checker not implemented yet")])
    }
}
