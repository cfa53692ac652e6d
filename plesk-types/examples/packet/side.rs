//! Which `<packet>` a document is. The one definition of it: the `packet`
//! tool, the tests and the fuzz targets include this file, and each adds
//! the methods it needs (the schema file, the fuzz target's name).

/// Which `<packet>` a document is: what a client sends to `agent.php` or
/// what Plesk answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A request packet (`agent_input.xsd`).
    Request,
    /// A response packet (`agent_output.xsd`).
    Response,
}
