//! Media object status events (`transcript.done`, `video_mixed.failed`,
//! ...), whose object arrives under a key that varies.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::codes::RecordingStatusCode;
use super::status::{Resource, Status};
use crate::object::Field;
use crate::open_enum::open_enum;
use crate::tagged::read_once;

open_enum! {
    /// The key a media object arrives under in a media object status event.
    ///
    /// Recall's catalog names it after the event's prefix (`"video_mixed"`
    /// for `video_mixed.done`); some of its documents show `"transcript"`
    /// for every media type. Both are accepted and kept.
    pub enum MediaObjectKey {
        Transcript = "transcript",
        ParticipantEvents = "participant_events",
        VideoMixed = "video_mixed",
        VideoSeparate = "video_separate",
        AudioMixed = "audio_mixed",
        AudioSeparate = "audio_separate",
        MeetingMetadata = "meeting_metadata",
    }
}

/// A media object status event: `transcript.*`, `participant_events.*`,
/// `video_mixed.*`, `video_separate.*`, `audio_mixed.*`, `audio_separate.*`
/// and `meeting_metadata.*`, each `processing`, `done`, `failed` or
/// `deleted`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MediaObjectEvent<S = String> {
    /// The new status.
    pub data: Status<RecordingStatusCode, S>,
    /// The key the media object came under.
    pub key: MediaObjectKey,
    /// The media object.
    pub object: Resource,
    /// The recording it belongs to.
    pub recording: Option<Resource>,
    /// The bot, when the recording has one.
    pub bot: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

impl<S: Field> Serialize for MediaObjectEvent<S> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("data", &self.data)?;
        map.serialize_entry(self.key.as_str(), &self.object)?;
        if let Some(recording) = &self.recording {
            map.serialize_entry("recording", recording)?;
        }
        if let Some(bot) = &self.bot {
            map.serialize_entry("bot", bot)?;
        }
        for (key, value) in &self.other {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, S: Field> Deserialize<'de> for MediaObjectEvent<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EventVisitor<S>(PhantomData<S>);

        impl<'de, S: Field> Visitor<'de> for EventVisitor<S> {
            type Value = MediaObjectEvent<S>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a media object status event")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut data = None;
                let mut object = None;
                let mut recording: Option<Option<Resource>> = None;
                let mut bot: Option<Option<Resource>> = None;
                let mut others = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "data" => read_once(&mut map, &mut data, "data")?,
                        "recording" => read_once(&mut map, &mut recording, "recording")?,
                        "bot" => read_once(&mut map, &mut bot, "bot")?,
                        other => match MediaObjectKey::from(other) {
                            MediaObjectKey::Unknown(key) => {
                                let value = map.next_value()?;
                                others.insert(key, value);
                            }
                            // One media object per event.
                            _ if object.is_some() => {
                                return Err(de::Error::custom(
                                    "a second media object (`transcript`, `video_mixed`, ...)",
                                ));
                            }
                            known => object = Some((known, map.next_value()?)),
                        },
                    }
                }
                let (recording, bot) = (recording.flatten(), bot.flatten());
                let data = data.ok_or_else(|| de::Error::missing_field("data"))?;
                let (key, object) = object.ok_or_else(|| {
                    de::Error::custom("missing the media object (`transcript`, `video_mixed`, ...)")
                })?;
                Ok(MediaObjectEvent {
                    data,
                    key,
                    object,
                    recording,
                    bot,
                    other: others,
                })
            }
        }

        deserializer.deserialize_map(EventVisitor(PhantomData))
    }
}
