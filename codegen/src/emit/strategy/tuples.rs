//! Structs drawn as tuples of their fields' strategies, nested so that no
//! tuple is larger than proptest supports.

use super::*;

/// One field of a struct, and how its value is drawn.
#[derive(Clone)]
pub(super) struct Part {
    pub(super) field: String,
    value: PartValue,
}

/// How a field's value comes about.
#[derive(Clone)]
enum PartValue {
    /// Drawn from the strategy.
    Drawn(TokenStream),
    /// Drawn from the strategy of one occurrence, in `Some`.
    Present(TokenStream),
    /// `None`, nothing drawn.
    Absent,
}

impl Part {
    /// The field takes the value drawn from `strategy`.
    pub(super) fn new(field: &str, strategy: TokenStream) -> Self {
        Self { field: field.to_owned(), value: PartValue::Drawn(strategy) }
    }

    /// The field (an `Option`) takes `Some` of the value drawn from `strategy`.
    pub(super) fn present(field: &str, strategy: TokenStream) -> Self {
        Self { field: field.to_owned(), value: PartValue::Present(strategy) }
    }

    /// The field (an `Option`) is `None`.
    pub(super) fn absent(field: &str) -> Self {
        Self { field: field.to_owned(), value: PartValue::Absent }
    }
}

/// The strategy of a struct: its drawn parts as a tuple (nested beyond
/// [`TUPLE_SIZE`]), mapped to the struct.
pub(super) fn construct(parts: Vec<Part>) -> TokenStream {
    let mut fields = Vec::new();
    let mut drawn = Vec::new();
    for part in parts {
        let field = ident(&part.field);
        match part.value {
            PartValue::Drawn(strategy) => {
                fields.push(quote! { #field });
                drawn.push((quote! { #field }, strategy));
            }
            PartValue::Present(strategy) => {
                fields.push(quote! { #field: Some(#field) });
                drawn.push((quote! { #field }, strategy));
            }
            PartValue::Absent => fields.push(quote! { #field: None }),
        }
    }
    let value = if fields.is_empty() {
        quote! { Self }
    } else {
        quote! { Self { #(#fields),* } }
    };
    match drawn.len() {
        0 => quote! { ::proptest::strategy::Just(#value) },
        1 => {
            let (binding, strategy) = &drawn[0];
            let strategy = receiver(strategy);
            quote! { #strategy.prop_map(|#binding| #value) }
        }
        _ => {
            let (strategy, pattern) = tuple(drawn);
            quote! { #strategy.prop_map(|#pattern| #value) }
        }
    }
}

/// `strategy` as the receiver of a method call: an `if` in parentheses.
pub(super) fn receiver(strategy: &TokenStream) -> TokenStream {
    let is_if = strategy.clone().into_iter().next().is_some_and(|token| token.to_string() == "if");
    if is_if {
        quote! { (#strategy) }
    } else {
        strategy.clone()
    }
}

/// A tuple of strategies and the pattern binding what it draws, nested in
/// tuples of even sizes so that none has more than [`TUPLE_SIZE`] members.
fn tuple(members: Vec<(TokenStream, TokenStream)>) -> (TokenStream, TokenStream) {
    if members.len() <= TUPLE_SIZE {
        let (patterns, strategies): (Vec<_>, Vec<_>) = members.into_iter().unzip();
        return (quote! { (#(#strategies,)*) }, quote! { (#(#patterns,)*) });
    }
    // As many chunks as needed, their sizes differing by one at most.
    let chunks = members.len().div_ceil(TUPLE_SIZE);
    let (size, longer) = (members.len() / chunks, members.len() % chunks);
    let mut rest = members.into_iter();
    let nested = (0..chunks)
        .map(|chunk| {
            let chunk: Vec<_> = rest.by_ref().take(size + usize::from(chunk < longer)).collect();
            let (strategy, pattern) = tuple(chunk);
            (pattern, strategy)
        })
        .collect();
    tuple(nested)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(count: usize) -> Vec<(TokenStream, TokenStream)> {
        (0..count)
            .map(|index| {
                let binding = ident(&format!("f{index}"));
                (quote! { #binding }, quote! { any() })
            })
            .collect()
    }

    #[test]
    fn large_tuples_nest_in_even_chunks() {
        let (_, pattern) = tuple(members(3));
        assert_eq!(pattern.to_string(), "(f0 , f1 , f2 ,)");
        let (_, pattern) = tuple(members(11));
        assert_eq!(pattern.to_string(), "((f0 , f1 , f2 , f3 , f4 , f5 ,) , (f6 , f7 , f8 , f9 , f10 ,) ,)");
        let (strategy, _) = tuple(members(101));
        // 101 members: eleven tuples of nine or ten, in two tuples of six and five.
        let syntax: syn::Expr = syn::parse2(strategy).expect("a tuple expression");
        let syn::Expr::Tuple(outer) = syntax else { panic!("not a tuple") };
        assert_eq!(outer.elems.len(), 2);
    }

    #[test]
    fn an_if_is_parenthesized_as_a_receiver() {
        assert_eq!(receiver(&quote! { if a { b } else { c } }).to_string(), "(if a { b } else { c })");
        assert_eq!(receiver(&quote! { any() }).to_string(), "any ()");
    }
}
