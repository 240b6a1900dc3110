// SPDX-License-Identifier: GPL-3.0-or-later
#include "designdocument.h"

#include <stdexcept>

namespace dc {

DesignDocument::DesignDocument(Project project, QObject* parent)
    : QObject(parent), mProject(std::move(project)) {
}

HallId DesignDocument::activeHallId() const {
  return mProject.halls().isEmpty() ? HallId() : mProject.halls().first().id();
}

void DesignDocument::insertRack(qsizetype index, Rack rack) {
  const RackId id = rack.id();
  mProject.insertRack(index, std::move(rack));
  Q_EMIT rackInserted(id);
  Q_EMIT changed();
}

Rack DesignDocument::removeRack(RackId id, qsizetype* indexOut) {
  Rack rack = mProject.removeRack(id, indexOut);
  Q_EMIT rackRemoved(id);
  Q_EMIT changed();
  return rack;
}

void DesignDocument::moveRacks(const QHash<RackId, PointMm>& positionsMm) {
  QList<RackId> ids;
  for (auto it = positionsMm.cbegin(); it != positionsMm.cend(); ++it) {
    Rack* rack = mProject.findRack(it.key());
    if (rack && rack->setPositionMm(it.value())) {
      ids.append(it.key());
    }
  }
  if (!ids.isEmpty()) {
    Q_EMIT racksChanged(ids);
    Q_EMIT changed();
  }
}

void DesignDocument::rotateRacks(const QHash<RackId, int>& rotationsDeg) {
  QList<RackId> ids;
  for (auto it = rotationsDeg.cbegin(); it != rotationsDeg.cend(); ++it) {
    Rack* rack = mProject.findRack(it.key());
    if (rack && rack->setRotationDeg(it.value())) {
      ids.append(it.key());
    }
  }
  if (!ids.isEmpty()) {
    Q_EMIT racksChanged(ids);
    Q_EMIT changed();
  }
}

void DesignDocument::replaceRack(const Rack& rack) {
  Rack* current = mProject.findRack(rack.id());
  if (!current) {
    throw std::invalid_argument("replaceRack: unknown rack id");
  }
  if (*current == rack) {
    return;
  }
  if (current->hallId() != rack.hallId()) {
    throw std::invalid_argument("replaceRack: a rack cannot change hall this way");
  }
  *current = rack;
  Q_EMIT racksChanged({rack.id()});
  Q_EMIT changed();
}

void DesignDocument::setProjectInfo(const QString& name, const QString& author,
                                    const QString& description) {
  const bool a = mProject.setName(name);
  const bool b = mProject.setAuthor(author);
  const bool c = mProject.setDescription(description);
  if (a || b || c) {
    Q_EMIT projectInfoChanged();
    Q_EMIT changed();
  }
}

}  // namespace dc
