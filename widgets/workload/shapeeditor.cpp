// SPDX-License-Identifier: GPL-3.0-or-later
#include "shapeeditor.h"

#include "largenumberedit.h"

#include <QFormLayout>
#include <QSpinBox>

namespace dc {

ShapeEditor::ShapeEditor(const TransformerShape& shape, QWidget* parent) : QWidget(parent) {
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  mParameters = new LargeNumberEdit(this);
  mParameters->setObjectName(QStringLiteral("parameters"));
  mParameters->setValue(shape.parameters);
  mParameters->setPlaceholderText(tr("e.g. 70B; empty: from the architecture"));
  form->addRow(tr("&Parameters"), mParameters);
  connect(mParameters, &QLineEdit::textChanged, this, &ShapeEditor::edited);

  mLayers = addCount(tr("&Layers"), QStringLiteral("layers"), shape.layers, 100'000, {});
  mHidden =
      addCount(tr("&Hidden size"), QStringLiteral("hiddenSize"), shape.hiddenSize, 1'000'000, {});
  mFfn = addCount(tr("&FFN size"), QStringLiteral("ffnSize"), shape.ffnSize, 10'000'000,
                  tr("—: 4 × hidden"));
  mHeads = addCount(tr("Attention h&eads"), QStringLiteral("heads"), shape.heads, 100'000, {});
  mKvHeads = addCount(tr("&KV heads"), QStringLiteral("kvHeads"), shape.kvHeads, 100'000,
                      tr("—: as many as the attention heads (no grouped-query attention)"));
  mHeadDim = addCount(tr("Head &dimension"), QStringLiteral("headDim"), shape.headDim, 100'000,
                      tr("—: hidden / heads"));
  mVocab =
      addCount(tr("&Vocabulary"), QStringLiteral("vocabSize"), shape.vocabSize, 10'000'000, {});
  mSequence =
      addCount(tr("&Sequence length"), QStringLiteral("sequenceLength"), shape.sequenceLength,
               100'000'000, tr("Training sequence, and the context a request may reach"));
}

QSpinBox* ShapeEditor::addCount(const QString& label, const QString& objectName, int value,
                                int maximum, const QString& toolTip) {
  auto* box = new QSpinBox(this);
  box->setObjectName(objectName);
  box->setRange(0, maximum);
  box->setSpecialValueText(tr("—"));
  box->setGroupSeparatorShown(true);
  box->setValue(value);
  box->setToolTip(toolTip.isEmpty() ? tr("—: not given") : toolTip);
  static_cast<QFormLayout*>(layout())->addRow(label, box);
  connect(box, &QSpinBox::valueChanged, this, &ShapeEditor::edited);
  return box;
}

TransformerShape ShapeEditor::shape() const {
  TransformerShape shape;
  shape.parameters = mParameters->value().value_or(0.0);
  shape.layers = mLayers->value();
  shape.hiddenSize = mHidden->value();
  shape.ffnSize = mFfn->value();
  shape.heads = mHeads->value();
  shape.kvHeads = mKvHeads->value();
  shape.headDim = mHeadDim->value();
  shape.vocabSize = mVocab->value();
  shape.sequenceLength = mSequence->value();
  return shape;
}

QString ShapeEditor::parseProblem(const QString& what) const {
  if (mParameters->value()) {
    return {};
  }
  const QString field = what.isEmpty() ? tr("Parameters") : tr("%1 parameters").arg(what);
  return tr("%1: '%2' is not a number (write e.g. 70B or 7e10).")
      .arg(field, mParameters->text().trimmed());
}

}  // namespace dc
