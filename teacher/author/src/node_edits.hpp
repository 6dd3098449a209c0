// The edits of nodes, their fields and their exits (internal to upstander_author).
#pragma once

#include "edit_support.hpp"

namespace upstander::author::detail {

EditResult apply(Scenario& s, const edit::AddNode& e);
EditResult apply(Scenario& s, const edit::DeleteNode& e);
EditResult apply(Scenario& s, const edit::MoveNode& e);
EditResult apply(Scenario& s, const edit::RenameNode& e);
EditResult apply(Scenario& s, const edit::ChangeKind& e);
EditResult apply(Scenario& s, const edit::SetScene& e);
EditResult apply(Scenario& s, const edit::SetTime& e);
EditResult apply(Scenario& s, const edit::SetNote& e);
EditResult apply(Scenario& s, const edit::SetSpeaker& e);
EditResult apply(Scenario& s, const edit::SetNodeThread& e);
EditResult apply(Scenario& s, const edit::SetImage& e);
EditResult apply(Scenario& s, const edit::AddMessage& e);
EditResult apply(Scenario& s, const edit::RemoveMessage& e);
EditResult apply(Scenario& s, const edit::MoveMessage& e);
EditResult apply(Scenario& s, const edit::SetMessageTime& e);
EditResult apply(Scenario& s, const edit::SetFeedCounts& e);
EditResult apply(Scenario& s, const edit::SetRippleCounter& e);
EditResult apply(Scenario& s, const edit::SetFactSource& e);
EditResult apply(Scenario& s, const edit::SetOutcome& e);
EditResult apply(Scenario& s, const edit::SetHelpTopics& e);
EditResult apply(Scenario& s, const edit::SetRulesSources& e);
EditResult apply(Scenario& s, const edit::SetDebriefSources& e);
EditResult apply(Scenario& s, const edit::AddOption& e);
EditResult apply(Scenario& s, const edit::RemoveOption& e);
EditResult apply(Scenario& s, const edit::SetReflectionScale& e);
EditResult apply(Scenario& s, const edit::SetNodeEffects& e);

EditResult apply(Scenario& s, const edit::SetNext& e);
EditResult apply(Scenario& s, const edit::AddChoice& e);
EditResult apply(Scenario& s, const edit::RemoveChoice& e);
EditResult apply(Scenario& s, const edit::MoveChoice& e);
EditResult apply(Scenario& s, const edit::RenameChoice& e);
EditResult apply(Scenario& s, const edit::SetChoiceTarget& e);
EditResult apply(Scenario& s, const edit::SetChoiceCondition& e);
EditResult apply(Scenario& s, const edit::SetChoiceEffects& e);
EditResult apply(Scenario& s, const edit::SetSkipTo& e);
EditResult apply(Scenario& s, const edit::SetRoute& e);

// A node body of `kind` keeping what fits from `from` (kind_change.cpp).
NodeBody convert_body(const NodeBody& from, NodeKind kind);
NodeBody empty_body(NodeKind kind);

}  // namespace upstander::author::detail
