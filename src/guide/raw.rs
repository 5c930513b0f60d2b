//! Serde types that mirror guide format v1 field for field, with the source position of
//! everything `validate` may need to point at. Nothing here is checked beyond its shape;
//! [`super::validate`] turns these into a [`super::Guide`].

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use super::text::{self, Text, TextVisitor};

pub type SText = Spanned<Text>;
pub type SString = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub id: SString,
    pub title: SText,
    #[serde(default)]
    pub summary: Option<SText>,
    #[serde(default)]
    pub tags: Vec<SString>,
    #[serde(default)]
    pub sources: Vec<RawLink>,
    #[serde(default)]
    pub escalation: Option<SText>,
    pub start: SString,
    pub nodes: Vec<Spanned<RawNode>>,
    pub errors: Vec<Spanned<RawError>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub title: SText,
    pub url: SString,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub id: SString,
    pub question: SText,
    #[serde(default)]
    pub help: Option<SText>,
    pub answers: Spanned<Vec<Spanned<RawAnswer>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    pub label: SText,
    #[serde(default)]
    pub next: Option<SString>,
    /// An error of this guide, or `guide-id/error-id` in another one.
    #[serde(default)]
    pub error: Option<SString>,
    /// Another guide, continued at its first question.
    #[serde(default)]
    pub guide: Option<SString>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawError {
    pub id: SString,
    pub title: SText,
    pub messages: Vec<SText>,
    pub symptoms: Vec<SText>,
    pub causes: Vec<SText>,
    pub checklist: Spanned<Vec<Spanned<RawStep>>>,
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    pub related: Vec<SString>,
}

/// A checklist step: a text, or `{step, details, link}`.
///
/// Both forms may be a map (a localized text is `{en: …, sv: …}`), so the first key decides:
/// `step`, `details` or `link` make it the long form, anything else is a language.
#[derive(Debug)]
pub struct RawStep {
    pub step: SText,
    pub details: Option<SText>,
    pub link: Option<SString>,
}

/// The field names of the long form of a step, for messages.
pub const STEP_FIELDS: &[&str] = &["step", "details", "link"];

impl<'de> Deserialize<'de> for RawStep {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A step that is only a text keeps the text's own position.
        let spanned = Spanned::<StepForm>::deserialize(d)?;
        Ok(match spanned.value {
            StepForm::Long(step) => *step,
            StepForm::Short(text) => RawStep {
                step: Spanned {
                    value: text,
                    referenced: spanned.referenced,
                    defined: spanned.defined,
                },
                details: None,
                link: None,
            },
        })
    }
}

enum StepForm {
    Short(Text),
    Long(Box<RawStep>),
}

impl<'de> Deserialize<'de> for StepForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StepVisitor)
    }
}

struct StepVisitor;

impl<'de> Visitor<'de> for StepVisitor {
    type Value = StepForm;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}, or a map with `step`, `details` and `link`",
            text::EXPECTING
        )
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<StepForm, E> {
        TextVisitor.visit_str(s).map(StepForm::Short)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<StepForm, E> {
        TextVisitor.visit_bool(b).map(StepForm::Short)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<StepForm, E> {
        TextVisitor.visit_i64(n).map(StepForm::Short)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<StepForm, E> {
        TextVisitor.visit_u64(n).map(StepForm::Short)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StepForm, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(de::Error::custom("a step needs a text"));
        };
        if !STEP_FIELDS.contains(&first.as_str()) {
            return text::read_language_map(map, Some(first)).map(StepForm::Short);
        }
        let (mut step, mut details, mut link) = (None, None, None);
        let mut key = Some(first);
        while let Some(k) = key {
            match k.as_str() {
                // Duplicate keys never get here: the parser rejects them in every map.
                "step" => step = Some(map.next_value()?),
                "details" => details = Some(map.next_value()?),
                "link" => link = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, STEP_FIELDS)),
            }
            key = map.next_key()?;
        }
        let step = step.ok_or_else(|| de::Error::missing_field("step"))?;
        Ok(StepForm::Long(Box::new(RawStep {
            step,
            details,
            link,
        })))
    }
}
