// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workload.h"

#include <QWidget>

class QSpinBox;

namespace dc {

class LargeNumberEdit;

/// Edits a TransformerShape: the parameter count, or the architecture (layers, hidden and FFN
/// sizes, heads, KV heads, head dimension, vocabulary, sequence length), or both. Every field
/// may be left at 0 ("—": not given); what must be given is workloadProblem()'s to say.
class ShapeEditor final : public QWidget {
  Q_OBJECT

 public:
  explicit ShapeEditor(const TransformerShape& shape, QWidget* parent = nullptr);

  TransformerShape shape() const;
  /// Why the typed fields cannot be read ("Parameters: 'x' is not a number"), prefixed with
  /// `what` ("Small model"); empty when they can.
  QString parseProblem(const QString& what = QString()) const;

  LargeNumberEdit* parametersEdit() const noexcept { return mParameters; }
  QSpinBox* layersBox() const noexcept { return mLayers; }
  QSpinBox* headsBox() const noexcept { return mHeads; }

 Q_SIGNALS:
  void edited();

 private:
  QSpinBox* addCount(const QString& label, const QString& objectName, int value, int maximum,
                     const QString& toolTip);

  LargeNumberEdit* mParameters = nullptr;
  QSpinBox* mLayers = nullptr;
  QSpinBox* mHidden = nullptr;
  QSpinBox* mFfn = nullptr;
  QSpinBox* mHeads = nullptr;
  QSpinBox* mKvHeads = nullptr;
  QSpinBox* mHeadDim = nullptr;
  QSpinBox* mVocab = nullptr;
  QSpinBox* mSequence = nullptr;
};

}  // namespace dc
