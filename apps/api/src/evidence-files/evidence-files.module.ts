import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { DiskEvidenceFileStore } from './disk-evidence-file-store';
import { EVIDENCE_FILE_STORE } from './evidence-file-store.port';
import { EvidenceFilesController } from './evidence-files.controller';
import { EvidenceFilesService } from './evidence-files.service';
import { EvidenceUploadReceiver } from './evidence-upload.receiver';

/** Evidence as uploaded files: checked by content, kept by hash, re-checked on every download. */
@Module({
  imports: [ActionsModule],
  controllers: [EvidenceFilesController],
  providers: [
    // storage: the embedded folder; an S3-compatible store would be chosen here by configuration
    { provide: EVIDENCE_FILE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DiskEvidenceFileStore(config.evidenceFiles.dir) },
    // upload and download
    EvidenceUploadReceiver,
    EvidenceFilesService,
  ],
})
export class EvidenceFilesModule {}
