import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig, planImportLimits } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { PlanImportController } from './plan-import.controller';
import { PlanImportService } from './plan-import.service';

@Module({
  imports: [
    // Held in memory, one file per request, cut off at the limit while it streams in.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: planImportLimits(config).maxBytes, files: 1, fields: 0 },
      }),
    }),
  ],
  controllers: [PlanImportController],
  providers: [PlanImportService],
})
export class PlanImportModule {}
