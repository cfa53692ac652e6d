//! The downstream crate's generated order types, used as a user would: an
//! order built, validated, written and read back; facet violations found by
//! `validate()`; the nillable note's three cases; and the `Serialize` derive
//! that `build.rs` added to `Customer` with `type_attribute`.

use downstream::orders::{Address, Customer, Line, Order, OrderId, OrderPickupOrDelivery, Status};
use plesk_types::xml::{Decimal, Nillable, ViolationKind};

fn order() -> Order {
    Order {
        id: OrderId("AB-123456".to_owned()),
        status: Status::Placed,
        customer: Customer { name: "Ada Lovelace".to_owned(), email: None },
        line: vec![
            Line { sku: "LAMP-01".to_owned(), quantity: 2, unit_price: "19.90".parse().expect("a decimal") },
            Line { sku: "BULB-07".to_owned(), quantity: 12, unit_price: Decimal::from(3) },
        ],
        pickup_or_delivery: OrderPickupOrDelivery::Delivery(Address {
            street: "12 Analytical Row".to_owned(),
            city: "London".to_owned(),
            postcode: None,
        }),
        note: Some(Nillable::Nil),
    }
}

#[test]
fn an_order_round_trips_in_schema_order() {
    let order = order();
    order.validate().expect("the order is valid");
    let xml = order.to_xml();
    assert_eq!(
        xml,
        concat!(
            "<order><id>AB-123456</id><status>placed</status><customer><name>Ada Lovelace</name></customer>",
            "<line><sku>LAMP-01</sku><quantity>2</quantity><unit-price>19.90</unit-price></line>",
            "<line><sku>BULB-07</sku><quantity>12</quantity><unit-price>3</unit-price></line>",
            "<delivery><street>12 Analytical Row</street><city>London</city></delivery>",
            r#"<note xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/></order>"#,
        )
    );
    assert_eq!(Order::from_xml(&xml).expect("reads back"), order);
    assert_eq!(Order::from_xml(&order.to_xml_pretty()).expect("the indented form reads back"), order);
}

#[test]
fn the_nillable_note_is_absent_nil_or_a_value() {
    let mut order = order();
    for note in [None, Some(Nillable::Nil), Some(Nillable::Value("ring twice".to_owned()))] {
        order.note = note;
        assert_eq!(Order::from_xml(&order.to_xml()).expect("reads back").note, order.note);
    }
}

#[test]
fn validate_reports_every_facet_violation_with_its_path() {
    let mut order = order();
    order.id = OrderId("AB-12".to_owned());
    order.line[1].quantity = 1000;
    order.line[0].unit_price = "19.905".parse().expect("a decimal");
    let errors = order.validate().expect_err("three facets are broken");
    let found: Vec<(&str, &ViolationKind)> =
        errors.violations().iter().map(|violation| (violation.path.as_str(), &violation.kind)).collect();
    assert_eq!(found.len(), 3, "{errors}");
    assert!(matches!(found[0], ("order/id", ViolationKind::Pattern { .. })), "{errors}");
    assert!(matches!(found[1], ("order/line[1]/unit-price", ViolationKind::FractionDigits { .. })), "{errors}");
    assert!(matches!(found[2], ("order/line[2]/quantity", ViolationKind::MaxInclusive { .. })), "{errors}");
}

#[test]
fn reading_refuses_an_element_out_of_schema_order() {
    let xml = order()
        .to_xml()
        .replace("<status>placed</status><customer>", "<customer>")
        .replace("</customer>", "</customer><status>placed</status>");
    let error = Order::from_xml(&xml).expect_err("status comes before customer");
    assert_eq!(error.to_string(), "1:26: order: unexpected element <customer>, expected <status>");
}

#[test]
fn the_derive_added_by_type_attribute_serializes_the_customer() {
    let customer = Customer { name: "Ada Lovelace".to_owned(), email: None };
    assert_eq!(serde_json::to_string(&customer).expect("serializes"), r#"{"name":"Ada Lovelace"}"#);
    let customer = Customer { email: Some("ada@example.com".to_owned()), ..customer };
    assert_eq!(
        serde_json::to_string(&customer).expect("serializes"),
        r#"{"name":"Ada Lovelace","email":"ada@example.com"}"#
    );
}
