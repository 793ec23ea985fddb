import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ActionClosedError, AttachEvidence, EvidenceFile, EvidenceNotFoundError, Principal } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { EvidenceEntity } from '@send/read-models';
import { ActionReadService } from '../reading/action-read.service';
import { EvidenceModel, toEvidenceModel } from '../actions/models/evidence.model';
import { ActionCommands } from '../actions/action-commands.service';
import { ProjectionService } from '../infrastructure/projection.service';
import { withFileSource } from '../common/byte-source';
import { storageFailureOf } from '../errors/storage-failure';
import { EvidenceFileIntegrityError, EvidenceFileStorageError, EvidenceFileTypeRefusedError } from './evidence-file.errors';
import { EVIDENCE_FILE_STORE, EvidenceFileStore } from './evidence-file-store.port';
import { EvidenceUploadReceiver, ReceivedUpload } from './evidence-upload.receiver';
import { nameContradicts, sniffFileType } from './file-type-sniffer';

/**
 * Upload and download of evidence files. An upload is checked in the order that keeps refusals
 * cheap and clean: who may attach (before a byte is read), the form, the size (while reading),
 * then the content; only an accepted file reaches the store, and only then is the event written.
 */
@Injectable()
export class EvidenceFilesService {
  constructor(
    @Inject(EVIDENCE_FILE_STORE) private readonly store: EvidenceFileStore,
    private readonly receiver: EvidenceUploadReceiver,
    private readonly commands: ActionCommands,
    private readonly projections: ProjectionService,
    private readonly reader: ActionReadService,
    private readonly dataSource: DataSource,
  ) {}

  async attachUpload(actionId: string, principal: Principal, request: Request, response: Response): Promise<EvidenceModel> {
    await this.requireMayAttach(actionId, principal);
    const upload = await this.receiver.receive(request, response).catch(refuseOnStorageFailure);
    let file: EvidenceFile;
    try {
      file = await this.keep(upload).catch(refuseOnStorageFailure);
    } finally {
      await upload.discard();
    }
    const { kind, title, submittedBy, documentReference, link, expectedRevision } = upload.fields;
    const commandId = upload.fields.commandId ?? randomUUID();
    const command: AttachEvidence = {
      type: 'AttachEvidence',
      // The same evidence id as the attachEvidence mutation would give this command id.
      data: { actionId, evidenceId: deterministicUuid('evidence', commandId, '0'), kind, title, submittedBy, documentReference, link, file },
    };
    // A refusal here (a stale revision, say) can leave the accepted file in the store with no
    // event naming it: harmless, as the store is addressed by content and a retry reuses it.
    const result = await this.commands.execute(command, BigInt(expectedRevision), { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    const evidenceId = result.events.find((e) => e.type === 'EvidenceAttached')?.data.evidenceId ?? command.data.evidenceId;
    return toEvidenceModel(await this.dataSource.getRepository(EvidenceEntity).findOneByOrFail({ actionId, evidenceId }));
  }

  /** The file behind a piece of evidence, after its bytes have been checked against the recorded hash. */
  async verifiedFile(actionId: string, evidenceId: string, principal: Principal): Promise<{ file: EvidenceFile; content: Readable }> {
    await this.reader.visibleAction(actionId, principal);
    const evidence = await this.dataSource.getRepository(EvidenceEntity).findOneBy({ actionId, evidenceId });
    if (!evidence?.file) throw new EvidenceNotFoundError(evidenceId);
    const { file } = evidence;
    const first = await this.store.open(file.sha256);
    if (!first) throw new EvidenceFileIntegrityError(evidence.title, 'is missing from the evidence file store');
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of first as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== file.sha256 || size !== file.size) {
      throw new EvidenceFileIntegrityError(
        evidence.title,
        `no longer matches what was submitted (SHA-256 ${sha256}, ${size} bytes; recorded ${file.sha256}, ${file.size} bytes)`,
      );
    }
    const content = await this.store.open(file.sha256);
    if (!content) throw new EvidenceFileIntegrityError(evidence.title, 'is missing from the evidence file store');
    return { file, content };
  }

  /** Refuses people who may not attach evidence here before their upload is read at all. */
  private async requireMayAttach(actionId: string, principal: Principal): Promise<void> {
    const action = await this.commands.requireMayActOn('AttachEvidence', actionId, principal);
    if (action.status === 'WITHDRAWN' || action.status === 'SUPERSEDED') throw new ActionClosedError(action.ref, action.status, 'attach evidence');
  }

  /** Checks the content and puts an accepted file in the store. */
  private async keep(upload: ReceivedUpload): Promise<EvidenceFile> {
    const sniffed = withFileSource(upload.path, sniffFileType);
    if (!sniffed.accepted) throw new EvidenceFileTypeRefusedError(upload.originalName, sniffed.reason);
    if (nameContradicts(upload.originalName, sniffed.type)) {
      throw new EvidenceFileTypeRefusedError(upload.originalName, `its name says one type but the content is ${sniffed.type.description}`);
    }
    const { sha256, size } = await this.store.put(createReadStream(upload.path));
    return { sha256, size, contentType: sniffed.type.contentType, originalName: upload.originalName };
  }
}

/** A read-only, full or failing disk while the upload is written: nothing stored, nothing attached. */
function refuseOnStorageFailure(error: unknown): never {
  const storage = storageFailureOf(error);
  if (!storage) throw error;
  // The operator needs the path the client must not see.
  new Logger('EvidenceFiles').warn(`An upload could not be stored: ${error instanceof Error ? error.message : String(error)}`);
  throw new EvidenceFileStorageError(storage);
}
