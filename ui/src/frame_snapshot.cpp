// The frame's bytes, written field by field (never whole structs: their padding is not
// part of the picture), compared with the previous frame's.
#include "upstander/ui/frame_snapshot.hpp"

#include <cstring>

namespace upstander::ui {

namespace {

template <typename T>
void put(std::vector<std::uint8_t>& out, const T& v) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
  out.insert(out.end(), p, p + sizeof v);
}

void put_bytes(std::vector<std::uint8_t>& out, const void* data, std::size_t n) {
  const auto* p = static_cast<const std::uint8_t*>(data);
  out.insert(out.end(), p, p + n);
}

}  // namespace

bool FrameSnapshot::changed(const ImDrawData& data, ImU32 background) {
  static_assert(sizeof(ImDrawVert) == 2 * sizeof(ImVec2) + sizeof(ImU32),
                "ImDrawVert has no padding");
  next_.clear();
  put(next_, background);
  put(next_, data.DisplayPos);
  put(next_, data.DisplaySize);
  put(next_, data.FramebufferScale);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    put(next_, list.CmdBuffer.Size);
    for (const ImDrawCmd& c : list.CmdBuffer) {
      put(next_, c.ClipRect);
      put(next_, c.TextureId);
      put(next_, c.VtxOffset);
      put(next_, c.IdxOffset);
      put(next_, c.ElemCount);
      put(next_, c.UserCallback);
      put(next_, c.UserCallbackData);
    }
    put(next_, list.VtxBuffer.Size);
    put_bytes(next_, list.VtxBuffer.Data,
              static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    put(next_, list.IdxBuffer.Size);
    put_bytes(next_, list.IdxBuffer.Data,
              static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
  }
  const bool same = valid_ && next_.size() == last_.size() &&
                    std::memcmp(next_.data(), last_.data(), next_.size()) == 0;
  last_.swap(next_);
  valid_ = true;
  return !same;
}

}  // namespace upstander::ui
