//! The documentation samples: the `<packet>` blocks of the Plesk
//! documentation pages, what each page is known to hold, and the samples
//! the tests read.

use super::{Side, seed_dir};

/// What the documentation says about the `<packet>` blocks of one seed file,
/// in the order they appear. Every `<packet` in a file is one of these, so a
/// block the extractor cannot place fails the tests instead of being skipped.
pub struct SeedFileExpectation {
    /// File name in `seeds/`.
    pub file: &'static str,
    /// "Packet Structure" illustrations: a packet whose operation holds only
    /// a `...` placeholder. Not samples.
    pub skeletons: usize,
    /// Start tags the page never finishes (no `</packet>` follows them).
    pub unfinished: &'static [&'static str],
    /// The complete samples: the side each one is, decided by where it appears
    /// on the page, and the line of prose that introduces it.
    pub samples: &'static [(Side, &'static str)],
}

/// Every seed file and what it holds.
///
/// On every page the first sample under "Samples" is the request and what
/// follows it answers that request. user-del.txt introduces its second sample
/// with "Request:", but that sample comes after the request, under the place
/// every other page says "Response:", and holds a `<result>`: it is the
/// response, and the label is a slip of the documentation.
pub const SEED_FILES: &[SeedFileExpectation] = &[
    SeedFileExpectation {
        file: "user-add.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[
            (Side::Request, "A request packet to create a user account can look as follows:"),
            (Side::Response, "Response:"),
        ],
    },
    SeedFileExpectation {
        file: "user-del.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[(Side::Request, "A request packet can look as follows:"), (Side::Response, "Request:")],
    },
    SeedFileExpectation {
        file: "user-get.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[
            (Side::Request, "A request packet to get a user account details can look as follows:"),
            (Side::Response, "Response:"),
        ],
    },
    SeedFileExpectation {
        // The set page's sample was lost when the page was saved: all that is
        // left is an unfinished start tag, twice, and no complete sample.
        file: "user-set.txt",
        skeletons: 0,
        unfinished: &[r#"<packet version="">"#, r#"<packet version="">"#],
        samples: &[],
    },
    SeedFileExpectation {
        file: "webuser-add.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[
            (Side::Request, "The request packet adding a new web user called myWebAccount looks as follows:"),
            (Side::Response, "Response:"),
            (Side::Response, "If the site was not found on the server, the response can look as follows:"),
        ],
    },
];

/// One `<packet` found in a seed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PacketBlock {
    /// A complete packet.
    Sample(BlockText),
    /// A structure illustration with a `...` placeholder.
    Skeleton(BlockText),
    /// A start tag with no `</packet>` before the next `<packet` or the end.
    Unfinished(BlockText),
}

/// The text of a block and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockText {
    /// The block, from `<packet` through `</packet>` (or the last non-blank
    /// character for an unfinished block), with no-break spaces normalized.
    pub text: String,
    /// Byte range of the block in the file.
    pub range: std::ops::Range<usize>,
    /// 1-based line of the block's first character.
    pub line: usize,
    /// The last non-blank line of prose before the block.
    pub intro: String,
}

/// Replaces U+00A0 NO-BREAK SPACE with a space.
///
/// The documentation's HTML rendering indents some samples (those of
/// webuser-add.txt) with no-break spaces. XML white space is only space, tab,
/// carriage return and line feed: to an XML parser U+00A0 is character data,
/// which element-only content cannot hold, so the samples as saved are not
/// what the documentation shows. The normalization restores the intended
/// indentation and is applied to every sample alike, so no file is treated
/// specially; `no_break_spaces_are_only_indentation` (seeds.rs) checks that it
/// never touches a value.
pub fn normalize_no_break_spaces(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// Splits a seed page into the `<packet` blocks it holds.
pub fn extract_packet_blocks(page: &str) -> Vec<PacketBlock> {
    const START: &str = "<packet";
    const END: &str = "</packet>";
    let starts: Vec<usize> = page
        .match_indices(START)
        .map(|(at, _)| at)
        .filter(|&at| page[at + START.len()..].starts_with(|c: char| c == '>' || c.is_whitespace()))
        .collect();
    let mut blocks = Vec::new();
    for (index, &start) in starts.iter().enumerate() {
        let limit = starts.get(index + 1).copied().unwrap_or(page.len());
        let region = &page[start..limit];
        let intro = page[..start].lines().rev().map(str::trim).find(|line| !line.is_empty()).unwrap_or("").to_owned();
        let line = page[..start].matches('\n').count() + 1;
        let block = |end: usize| BlockText {
            text: normalize_no_break_spaces(&page[start..end]),
            range: start..end,
            line,
            intro: intro.clone(),
        };
        blocks.push(match region.find(END) {
            Some(at) => {
                let block = block(start + at + END.len());
                if block.text.contains("...") { PacketBlock::Skeleton(block) } else { PacketBlock::Sample(block) }
            }
            None => PacketBlock::Unfinished(block(start + region.trim_end().len())),
        });
    }
    blocks
}

/// A complete documentation sample, with the side the documentation gives it.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Seed file it comes from.
    pub file: &'static str,
    /// Position among the file's samples, from 1.
    pub number: usize,
    /// Request or response.
    pub side: Side,
    /// The block.
    pub block: BlockText,
}

impl Sample {
    /// `user-add.txt #2 (line 141)`, for messages.
    pub fn label(&self) -> String {
        format!("{} #{} (line {})", self.file, self.number, self.block.line)
    }
}

/// Reads a seed file.
pub fn read_seed(file: &str) -> String {
    let path = seed_dir().join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// Every complete sample of every seed file, paired with the side
/// [`SEED_FILES`] gives it.
///
/// # Panics
///
/// When a file does not hold exactly the samples [`SEED_FILES`] lists.
pub fn samples() -> Vec<Sample> {
    let mut all = Vec::new();
    for expected in SEED_FILES {
        let found: Vec<BlockText> = extract_packet_blocks(&read_seed(expected.file))
            .into_iter()
            .filter_map(|block| match block {
                PacketBlock::Sample(block) => Some(block),
                _ => None,
            })
            .collect();
        assert_eq!(found.len(), expected.samples.len(), "{}: number of complete samples", expected.file);
        for (index, (block, &(side, intro))) in found.into_iter().zip(expected.samples).enumerate() {
            assert_eq!(block.intro, intro, "{} sample #{}: introducing line", expected.file, index + 1);
            all.push(Sample { file: expected.file, number: index + 1, side, block });
        }
    }
    all
}
